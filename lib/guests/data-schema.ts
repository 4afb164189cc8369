import { z } from "zod";

import { emailSchema } from "@/lib/accounts/schema";
import { fieldError } from "@/lib/forms/state";

// Every message is a key in the "Forms" namespace of messages/*.json.

/** The form on /gast/daten: an address, and whether to download or delete what is stored under it. */
export const guestDataRequestSchema = z.object({
  email: emailSchema,
  intent: z.enum(["export", "delete"], fieldError("guestDataIntentMissing")),
});

/** A button that carries the link's token (a mailed link's page: delete the comment, delete the data). */
export const guestLinkSchema = z.object({ token: z.string().min(20, fieldError("invalid")).max(200, fieldError("invalid")) });
