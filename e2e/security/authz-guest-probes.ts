/**
 * The matrix rows of guests' links and of taking guest comments into an account: the links are
 * issued here as the mails would carry them, and whoever holds one may use it, signed in or not.
 */
import type { GuestTokenPurpose } from "../../lib/db/client";
import { issueGuestToken } from "../../lib/guests/tokens";
import { call, change, form, FORM_START, mark, pageProbe, scene, view, type Caller, type Probe } from "./authz-harness";
import type { RowId } from "./authz-matrix";

type GuestRow = Extract<RowId, `guest.${string}` | "page.guest-data" | "page.guest-comment-delete">;

let articleId: string;
const pages = { data: "", comment: "", email: "", excerpt: "" };

/** An article of the guest rows' own (removed with the other fixtures by its title), and the links the page rows open. */
export async function arrangeGuestRows() {
  const title = `Authz ${mark("titel")}`;
  const article = await scene.db.article.create({
    data: { slug: mark("gast"), title, body: "Ein Absatz.", status: "PUBLISHED", publishedAt: new Date(), authorId: scene.people.admin.id },
  });
  articleId = article.id;
  const { guest, comment, body } = await guestComment();
  pages.email = guest.email;
  pages.excerpt = body;
  pages.data = `/gast/daten?token=${await issueGuestToken({ db: scene.db, guestId: guest.id, purpose: "DELETE_DATA" })}`;
  pages.comment = `/gast/kommentar-loeschen?token=${await link(guest.id, "DELETE_COMMENT", comment.id)}`;
}

async function guestComment(email = `${mark("gast")}@example.org`) {
  const guest = await scene.db.guest.upsert({ where: { email }, create: { email, name: "Gerd Gast" }, update: {} });
  const body = mark("gastkommentar");
  const comment = await scene.db.comment.create({ data: { articleId, guestId: guest.id, guestName: "Gerd", body, status: "APPROVED" } });
  return { guest, comment, body };
}

const link = (guestId: string, purpose: GuestTokenPurpose, commentId?: string, now?: Date) =>
  issueGuestToken({ db: scene.db, guestId, purpose, subject: { commentId }, now });
const guestCall = (caller: Caller, name: string, fields: Record<string, string>, from: string) =>
  call(caller, "actions/guest-data.ts", name, [FORM_START, form(fields)], from);
const exportLinks = (guestId: string) => scene.db.guestToken.count({ where: { guestId, purpose: "EXPORT_DATA" } });
const DAY_AND_MORE = () => new Date(Date.now() - 25 * 3_600_000);

/** A data or comment link of a fresh guest, and whether to spend it before the call. */
async function guestLink(purpose: GuestTokenPurpose, spent: "fresh" | "used" | "expired") {
  const { guest, comment, body } = await guestComment();
  const token = await link(
    guest.id,
    purpose,
    purpose === "DELETE_COMMENT" ? comment.id : undefined,
    spent === "expired" ? DAY_AND_MORE() : undefined,
  );
  if (spent === "used") await scene.db.guestToken.updateMany({ where: { guestId: guest.id }, data: { usedAt: new Date() } });
  return { guest, comment, body, token };
}

const exportProbe = (spent: "fresh" | "used") =>
  view({
    arrange: () => guestLink("EXPORT_DATA", spent),
    look: async (caller, f) => {
      const answer = await caller.request.post("/gast/daten/export", {
        form: { token: f.token },
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      const shows = (await answer.text()).includes(f.body);
      if (answer.status() === 200 && shows) return "allowed";
      return answer.status() === 303 && !shows ? "refused" : `status ${answer.status()}, the guest's comment shown: ${shows}`;
    },
  });

const deleteDataProbe = (spent: "fresh" | "expired") =>
  change({
    arrange: () => guestLink("DELETE_DATA", spent),
    act: (caller, f) => guestCall(caller, "deleteGuestDataAction", { token: f.token }, "/gast/daten"),
    observe: (_caller, f) => scene.db.guest.count({ where: { id: f.guest.id } }),
    happened: (after) => after === 0,
  });

const deleteCommentProbe = (spent: "fresh" | "used") =>
  change({
    arrange: () => guestLink("DELETE_COMMENT", spent),
    act: (caller, f) => guestCall(caller, "deleteGuestCommentAction", { token: f.token }, "/gast/kommentar-loeschen"),
    observe: (_caller, f) => scene.db.comment.count({ where: { id: f.comment.id } }),
    happened: (after) => after === 0,
  });

export const GUEST_PROBES: Record<GuestRow, Probe> = {
  "guest.data-request": change({
    arrange: async () => (await guestComment()).guest,
    act: async (caller, guest) => {
      const answer = await guestCall(caller, "requestGuestDataAction", { email: guest.email, intent: "export" }, "/gast/daten");
      // The link is made and mailed after the answer (so its timing tells nothing): wait for it.
      for (let waited = 0; waited < 5_000 && (await exportLinks(guest.id)) === 0; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return answer;
    },
    observe: (_caller, guest) => exportLinks(guest.id),
    happened: (after) => after === 1,
  }),
  "guest.data-export": exportProbe("fresh"),
  "guest.data-export-used-link": exportProbe("used"),
  "guest.data-delete": deleteDataProbe("fresh"),
  "guest.data-delete-expired-link": deleteDataProbe("expired"),
  "guest.comment-delete": deleteCommentProbe("fresh"),
  "guest.comment-delete-used-link": deleteCommentProbe("used"),
  "guest.claim": change({
    arrange: () => guestComment(scene.people.reader.email.toLowerCase()),
    act: (caller) => guestCall(caller, "claimGuestCommentsAction", {}, "/konto"),
    observe: async (_caller, f) =>
      (await scene.db.comment.findUnique({ where: { id: f.comment.id }, select: { authorId: true } }))?.authorId,
    happened: (after) => after === scene.people.reader.id,
    // A guest under the reader's address left by a refused cell would offer itself on the reader's account page.
    finish: async () => void (await scene.db.guest.deleteMany({ where: { email: scene.people.reader.email.toLowerCase() } })),
  }),
  "page.guest-data": pageProbe(() => pages.data, { marker: () => pages.email }),
  "page.guest-comment-delete": pageProbe(() => pages.comment, { marker: () => pages.excerpt }),
};
