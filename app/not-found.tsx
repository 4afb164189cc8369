import { DeadEndNotice } from "@/components/ui/Notice";

export default function NotFound() {
  return <DeadEndNotice kind="notFound" />;
}
