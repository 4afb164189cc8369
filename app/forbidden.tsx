import { DeadEndNotice } from "@/components/ui/Notice";

/** Shown with HTTP 403 when a signed-in user lacks the permission a page needs. */
export default function Forbidden() {
  return <DeadEndNotice kind="forbidden" />;
}
