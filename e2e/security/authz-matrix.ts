/**
 * The authorisation matrix: who may do what, one row per server action, route handler or protected
 * page (an action with several intents has a row per intent), one cell per role. authz.spec.ts calls
 * each row directly over HTTP as every role and checks the cell: "allowed" means the effect happened,
 * "refused" means the database (or what the answer shows) is as it was.
 *
 * "The reader" owns the comments, notices and data that the others reach for; "otherReader" is a
 * second reader. Rows that change an account act on a fresh one made for the call. Where a row is a
 * permission's, its cells come from the permission table (`holders`).
 */
import { may, type Permission } from "../../lib/accounts/permissions";
import type { Role as AccountRole } from "../../lib/db/client";

export const ROLES = ["anonymous", "reader", "otherReader", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];
export type Cell = "allowed" | "refused";

/** The account role each signed-in caller has. */
export const ACCOUNT_ROLE: Record<Exclude<Role, "anonymous">, AccountRole> = {
  reader: "READER",
  otherReader: "READER",
  editor: "EDITOR",
  admin: "ADMIN",
};

const A = "allowed";
const R = "refused";

/**
 * The cells of a row that the permission table decides: allowed exactly for the callers whose role
 * holds `permission` in lib/accounts/permissions.ts, so changing the table changes what is tested.
 */
function holders(permission: Permission): Record<Role, Cell> {
  const cell = (role: Role): Cell => (role !== "anonymous" && may({ role: ACCOUNT_ROLE[role] }, permission) ? A : R);
  return Object.fromEntries(ROLES.map((role) => [role, cell(role)])) as Record<Role, Cell>;
}

export type Target =
  | { kind: "action"; file: string; name: string }
  | { kind: "route"; file: string; method: "GET" | "POST"; path: string }
  | { kind: "page"; file: string; path: string };

export interface MatrixRow {
  target: Target;
  /** The attempt, in the product's words. */
  attempt: string;
  cells: Record<Role, Cell>;
  /** What an allowed call observably does. */
  effect: string;
  /** What a refused caller gets, and what stays as it was. */
  refusal: string;
}

const COMMENTS = "actions/comments.ts";
const ACCOUNT = "actions/account.ts";
const ARTICLES = "actions/articles.ts";
const SECTIONS = "actions/sections.ts";
const MODERATION = "actions/moderation.ts";
const GUESTS = "actions/guest-data.ts";

const action = (file: string, name: string): Target => ({ kind: "action", file, name });
const route = (method: "GET" | "POST", path: string, file: string): Target => ({
  kind: "route",
  method,
  path,
  file: `app/${file}/route.ts`,
});
const page = (path: string, file: string): Target => ({ kind: "page", path, file: `app/${file}/page.tsx` });

export const AUTHZ_MATRIX = {
  // ── Comments (actions/comments.ts; rules in lib/comments/commands/)
  "comment.post": {
    target: action(COMMENTS, "postCommentAction"),
    attempt: "post a comment under a published article",
    cells: { anonymous: R, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the comment is stored under the article",
    refusal: "signInRequired; no comment is stored",
  },
  "comment.post-on-draft": {
    target: action(COMMENTS, "postCommentAction"),
    attempt: "post a comment under a draft",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "a comment under the draft",
    refusal: "notFound; no comment is stored",
  },
  "comment.edit": {
    target: action(COMMENTS, "editCommentAction"),
    attempt: "edit the reader's comment",
    cells: { anonymous: R, reader: A, otherReader: R, editor: R, admin: R },
    effect: "the comment has the new text",
    refusal: "forbidden (staff correct comments in the queue: queue.edit); the text is unchanged",
  },
  "comment.delete": {
    target: action(COMMENTS, "deleteCommentAction"),
    attempt: "delete the reader's comment",
    cells: { anonymous: R, reader: A, otherReader: R, editor: R, admin: R },
    effect: "the comment is gone",
    refusal: "forbidden (staff reject in the queue instead); the comment stays",
  },
  "comment.like": {
    target: action(COMMENTS, "toggleReactionAction"),
    attempt: "like the reader's comment",
    cells: { anonymous: R, reader: R, otherReader: A, editor: A, admin: A },
    effect: "a like by the caller is stored and counted",
    refusal: "signInRequired, or ownComment for its author; no like",
  },
  "comment.like-on-unpublished": {
    target: action(COMMENTS, "toggleReactionAction"),
    attempt: "like a comment under an unpublished article",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "a like on a comment nobody can see",
    refusal: "notFound; no like",
  },
  "comment.report": {
    target: action(COMMENTS, "reportCommentAction"),
    attempt: "report the reader's comment",
    cells: { anonymous: R, reader: R, otherReader: A, editor: A, admin: A },
    effect: "an open report by the caller",
    refusal: "signInRequired, or ownComment for its author; no report",
  },
  "comment.report-on-unpublished": {
    target: action(COMMENTS, "reportCommentAction"),
    attempt: "report a comment under an unpublished article",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "a report on a comment nobody can see",
    refusal: "notFound; no report",
  },
  "comment.sort": {
    target: action(COMMENTS, "setCommentSortAction"),
    attempt: "choose the order of the comments",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the caller's sort cookie is set",
    refusal: "no cookie",
  },
  "discussion.close": {
    target: action(COMMENTS, "setDiscussionOpenAction"),
    attempt: "close an article's discussion",
    cells: holders("comments.moderate"),
    effect: "the article's comments are closed",
    refusal: "signInRequired / forbidden; the discussion stays open",
  },
  "locale.switch": {
    target: action("actions/locale.ts", "switchLocale"),
    attempt: "switch the interface to English",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the caller's language cookie says en",
    refusal: "no cookie",
  },

  // ── Accounts (actions/account.ts; rules in lib/accounts/)
  "account.sign-in": {
    target: action(ACCOUNT, "signInAction"),
    attempt: "sign in with an account's address and password",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the caller's session is that account's",
    refusal: "no session",
  },
  "account.sign-in-around-the-limits": {
    target: route("POST", "/api/auth/callback/credentials", "api/auth/[...nextauth]"),
    attempt: "sign in through Auth.js's own password endpoint, around the sign-in limits",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "a session without the rate limits of signInAction",
    refusal: "404; the caller's session is unchanged",
  },
  "account.sign-up": {
    target: action(ACCOUNT, "signUpAction"),
    attempt: "sign up with a new address",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "a reader account with that address exists",
    refusal: "no account",
  },
  "account.sign-out": {
    target: action(ACCOUNT, "signOutAction"),
    attempt: "sign out",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the caller has no session afterwards",
    refusal: "the session stays",
  },
  "account.oauth": {
    target: action(ACCOUNT, "oauthSignInAction"),
    attempt: "start signing in with GitHub",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the caller is sent into Auth.js's sign-in (/api/auth/signin: no provider is configured in tests)",
    refusal: "no redirect",
  },
  "account.reset-request": {
    target: action(ACCOUNT, "requestResetAction"),
    attempt: "ask for a password reset link for an account",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "a reset token for that account (the link goes to its owner's inbox, never to the caller)",
    refusal: "no token",
  },
  "account.reset": {
    target: action(ACCOUNT, "resetPasswordAction"),
    attempt: "set a new password with the link mailed to an account",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "that account's password changes (whoever holds the link may use it, once)",
    refusal: "the password stays",
  },
  "account.name": {
    target: action(ACCOUNT, "changeNameAction"),
    attempt: "change the display name (with the reader's id slipped into the form)",
    cells: { anonymous: R, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the caller's own name changes; the reader's only when the reader calls",
    refusal: "signInRequired; no name changes",
  },
  "account.email": {
    target: action(ACCOUNT, "changeEmailAction"),
    attempt: "change the e-mail address",
    cells: { anonymous: R, reader: A, otherReader: A, editor: A, admin: A },
    effect: "a confirmation token for the caller's new address (it counts once followed)",
    refusal: "signInRequired; no token",
  },
  "account.verification-resend": {
    target: action(ACCOUNT, "resendVerificationAction"),
    attempt: "have the confirmation mail sent again (unconfirmed account)",
    cells: { anonymous: R, reader: A, otherReader: A, editor: A, admin: A },
    effect: "a new confirmation token for the caller",
    refusal: "signInRequired; no token",
  },
  "account.password": {
    target: action(ACCOUNT, "changePasswordAction"),
    attempt: "change the password",
    cells: { anonymous: R, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the caller's password hash changes",
    refusal: "signInRequired; no password changes",
  },
  "account.delete": {
    target: action(ACCOUNT, "deleteAccountAction"),
    attempt: "delete the own account",
    cells: { anonymous: R, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the caller's account is gone",
    refusal: "signInRequired; no account is deleted",
  },
  "account.delete-someone-else": {
    target: action(ACCOUNT, "deleteAccountAction"),
    attempt: "delete an account, confirming with another person's address",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "someone else's account is gone",
    refusal: "deleteConfirmMismatch; both accounts stay",
  },
  "notice.appeal": {
    target: action(ACCOUNT, "appealAction"),
    attempt: "appeal against the reader's statement of reasons",
    cells: { anonymous: R, reader: A, otherReader: R, editor: R, admin: R },
    effect: "the notice carries the appeal",
    refusal: "signInRequired / notFound; no appeal",
  },
  "notify.replies": {
    target: action(ACCOUNT, "notificationPrefsAction"),
    attempt: "ask for a mail when someone answers",
    cells: { anonymous: R, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the caller's reply notifications are on",
    refusal: "signInRequired; nothing changes",
  },
  "notify.digest": {
    target: action(ACCOUNT, "notificationPrefsAction"),
    attempt: "ask for the daily digest of the pending queue",
    cells: holders("comments.speakForNewsroom"),
    effect: "the caller's digest is on",
    refusal: "signInRequired, or the setting stays off for readers",
  },
  "account.export": {
    target: route("GET", "/konto/export", "(account)/konto/export"),
    attempt: "download the reader's data (their export, asked for with ?userId=the reader)",
    cells: { anonymous: R, reader: A, otherReader: R, editor: R, admin: R },
    effect: "a JSON file with the reader's profile and comments",
    refusal: "401 signed out; signed in, the caller's own export, without anything of the reader's",
  },
  "account.confirm-link": {
    target: route("GET", "/konto/bestaetigen", "(account)/konto/bestaetigen"),
    attempt: "follow the e-mail change link mailed to an account",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "that account's address changes (the link names the account, never the caller's)",
    refusal: "the address stays",
  },
  "account.confirm-used-link": {
    target: route("GET", "/konto/bestaetigen", "(account)/konto/bestaetigen"),
    attempt: "follow an e-mail change link a second time",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "the address changes again",
    refusal: "result 'used'; the address stays",
  },
  "notify.unsubscribe-link": {
    target: route("GET", "/benachrichtigungen/abbestellen", "(account)/benachrichtigungen/abbestellen"),
    attempt: "unsubscribe with the link mailed to an account",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "that account's reply notifications are off (one click, no sign-in)",
    refusal: "nothing changes",
  },
  "notify.unsubscribe-forged": {
    target: route("GET", "/benachrichtigungen/abbestellen", "(account)/benachrichtigungen/abbestellen"),
    attempt: "unsubscribe someone with the signature of another account's link",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "their notifications are off",
    refusal: "'ungueltig'; their notifications stay on",
  },

  // ── Guests (actions/guest-data.ts; rules in lib/guests/): a mailed link, not a session, says whose data
  "guest.data-request": {
    target: action(GUESTS, "requestGuestDataAction"),
    attempt: "ask for a link to a guest address's data",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "a link is made for the address and mailed to it (the answer is the same for unknown addresses)",
    refusal: "rateLimited; no link",
  },
  "guest.data-export": {
    target: route("POST", "/gast/daten/export", "gast/daten/export"),
    attempt: "download a guest's data with the export link mailed to them",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "a JSON file with the guest's comments; the link is used up",
    refusal: "a redirect to the page saying the link does not work; nothing of the guest's",
  },
  "guest.data-export-used-link": {
    target: route("POST", "/gast/daten/export", "gast/daten/export"),
    attempt: "download a guest's data with an export link used before",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "the guest's comments",
    refusal: "a redirect to the page saying the link was used; nothing of the guest's",
  },
  "guest.data-delete": {
    target: action(GUESTS, "deleteGuestDataAction"),
    attempt: "delete a guest's data with the deletion link mailed to them",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the guest address and its comments are gone",
    refusal: "the guest stays",
  },
  "guest.data-delete-expired-link": {
    target: action(GUESTS, "deleteGuestDataAction"),
    attempt: "delete a guest's data with an expired deletion link",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "the guest address is gone",
    refusal: "expired; the guest stays",
  },
  "guest.comment-delete": {
    target: action(GUESTS, "deleteGuestCommentAction"),
    attempt: "delete a guest's comment with the link mailed with it",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the comment is gone",
    refusal: "the comment stays",
  },
  "guest.comment-delete-used-link": {
    target: action(GUESTS, "deleteGuestCommentAction"),
    attempt: "delete a guest's comment with a link used before",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "the comment is gone",
    refusal: "used; the comment stays",
  },
  "guest.claim": {
    target: action(GUESTS, "claimGuestCommentsAction"),
    attempt: "take the comments written as a guest under the reader's address into an account",
    cells: { anonymous: R, reader: A, otherReader: R, editor: R, admin: R },
    effect: "the comment is the reader's (the account's verified address is the guest's)",
    refusal: "signInRequired, or nothingToClaim for another address; the comment stays the guest's",
  },
  "page.guest-data": {
    target: page("/gast/daten?token=<deletion link>", "gast/daten"),
    attempt: "open the page of a guest's deletion link",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the guest's address and the deletion button (the link is not used up)",
    refusal: "a page saying the link does not work",
  },
  "page.guest-comment-delete": {
    target: page("/gast/kommentar-loeschen?token=<link>", "gast/kommentar-loeschen"),
    attempt: "open the page of a guest's comment deletion link",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "the comment, shortened, and the button (the link is not used up)",
    refusal: "a page saying the link does not work",
  },

  // ── Administration (articles.publish, sections.manage, settings.manage, users.manage, content.import)
  "user.role": {
    target: action("actions/users.ts", "changeRoleAction"),
    attempt: "make a reader an editor",
    cells: holders("users.manage"),
    effect: "the person is an editor, and the audit log says who did it",
    refusal: "forbidden; the role stays",
  },
  "settings.save": {
    target: action("actions/settings.ts", "saveSettingsAction"),
    attempt: "change the site's settings",
    cells: holders("settings.manage"),
    effect: "the setting has the new value",
    refusal: "forbidden; the setting stays",
  },
  "article.create": {
    target: action(ARTICLES, "saveArticleAction"),
    attempt: "create an article",
    cells: holders("articles.publish"),
    effect: "a draft with that title exists",
    refusal: "forbidden; no article",
  },
  "article.save": {
    target: action(ARTICLES, "saveArticleAction"),
    attempt: "change a draft's title",
    cells: holders("articles.publish"),
    effect: "the draft has the new title",
    refusal: "forbidden; the draft is unchanged",
  },
  "article.publish": {
    target: action(ARTICLES, "publishArticleAction"),
    attempt: "publish a draft",
    cells: holders("articles.publish"),
    effect: "the article is published",
    refusal: "forbidden; it stays a draft",
  },
  "article.unpublish": {
    target: action(ARTICLES, "unpublishArticleAction"),
    attempt: "unpublish an article",
    cells: holders("articles.publish"),
    effect: "the article is a draft again",
    refusal: "forbidden; it stays published",
  },
  "article.delete": {
    target: action(ARTICLES, "deleteArticleAction"),
    attempt: "delete an article",
    cells: holders("articles.publish"),
    effect: "the article is gone",
    refusal: "forbidden; the article stays",
  },
  "article.preview": {
    target: action(ARTICLES, "previewMarkdownAction"),
    attempt: "render Markdown with the article renderer (the editor's live preview)",
    cells: holders("articles.publish"),
    effect: "the answer is the rendered HTML",
    refusal: "the answer is empty",
  },
  "section.create": {
    target: action(SECTIONS, "sectionAction"),
    attempt: "add a section",
    cells: holders("sections.manage"),
    effect: "the section exists",
    refusal: "forbidden; no section",
  },
  "section.rename": {
    target: action(SECTIONS, "sectionAction"),
    attempt: "rename a section",
    cells: holders("sections.manage"),
    effect: "the section has the new name",
    refusal: "forbidden; the name stays",
  },
  "section.delete": {
    target: action(SECTIONS, "sectionAction"),
    attempt: "delete a section",
    cells: holders("sections.manage"),
    effect: "the section is gone",
    refusal: "forbidden; the section stays",
  },
  "media.upload": {
    target: route("POST", "/api/admin/medien", "api/admin/medien"),
    attempt: "upload an image",
    cells: holders("articles.publish"),
    effect: "the image is stored and served",
    refusal: "403; nothing is stored",
  },
  "import.upload": {
    target: route("POST", "/api/admin/import", "api/admin/import"),
    attempt: "import a WordPress export",
    cells: holders("content.import"),
    effect: "the export's post is an article",
    refusal: "403; nothing is imported",
  },

  // ── Moderation (comments.moderate, people.restrict; rules in lib/moderation/decisions.ts, curation.ts, restrictions.ts, appeals.ts)
  "queue.approve": {
    target: action(MODERATION, "queueAction"),
    attempt: "approve the reader's pending comment",
    cells: holders("comments.moderate"),
    effect: "the comment is approved",
    refusal: "forbidden; it stays pending",
  },
  "queue.reject": {
    target: action(MODERATION, "queueAction"),
    attempt: "reject the reader's comment",
    cells: holders("comments.moderate"),
    effect: "the comment is rejected",
    refusal: "forbidden; it stays approved",
  },
  "queue.feature": {
    target: action(MODERATION, "queueAction"),
    attempt: "feature the reader's comment",
    cells: holders("comments.moderate"),
    effect: "the comment is featured",
    refusal: "forbidden; it is not featured",
  },
  "queue.edit": {
    target: action(MODERATION, "queueAction"),
    attempt: "correct the text of the reader's comment as a moderator",
    cells: holders("comments.moderate"),
    effect: "the comment has the new text (the old one stays in the audit log)",
    refusal: "forbidden; the text is unchanged",
  },
  "person.suspend": {
    target: action(MODERATION, "moderateUserAction"),
    attempt: "suspend a reader for a day",
    cells: holders("people.restrict"),
    effect: "the reader is suspended",
    refusal: "forbidden; the reader may post",
  },
  "person.suspend-editor": {
    target: action(MODERATION, "moderateUserAction"),
    attempt: "suspend an editor for a day",
    cells: holders("people.restrictEditors"),
    effect: "the editor is suspended",
    refusal: "forbidden, or cannotRestrict for editors; the editor may post",
  },
  "person.lift": {
    target: action(MODERATION, "moderateUserAction"),
    attempt: "lift a reader's suspension",
    cells: holders("people.restrict"),
    effect: "the reader may post again",
    refusal: "forbidden; the suspension stays",
  },
  "person.premoderate": {
    target: action(MODERATION, "moderateUserAction"),
    attempt: "always pre-moderate a reader",
    cells: holders("people.restrict"),
    effect: "the reader's comments will wait for an editor",
    refusal: "forbidden; nothing changes",
  },

  // ── Drafts and live updates: what is not public is not there, for anyone, on public addresses
  "live.published": {
    target: route("GET", "/api/live/<id>", "api/live/[articleId]"),
    attempt: "listen to live updates of a published article",
    cells: { anonymous: A, reader: A, otherReader: A, editor: A, admin: A },
    effect: "an event stream opens",
    refusal: "404",
  },
  "live.draft": {
    target: route("GET", "/api/live/<id>", "api/live/[articleId]"),
    attempt: "listen to live updates of a draft",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "an event stream opens",
    refusal: "404",
  },
  "feed.draft-comments": {
    target: route("GET", "/artikel/<slug>/kommentare/feed.xml", "(site)/artikel/[slug]/kommentare/feed.xml"),
    attempt: "read the comments feed of a draft",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "the feed with the draft's comments",
    refusal: "404",
  },
  "page.draft": {
    target: page("/artikel/<draft slug>", "(site)/artikel/[slug]"),
    attempt: "open a draft at its public address",
    cells: { anonymous: R, reader: R, otherReader: R, editor: R, admin: R },
    effect: "the draft's text",
    refusal: "404 (admins preview at /admin/artikel/<id>/vorschau)",
  },

  // ── Protected pages: a document request and a client navigation (Flight) request
  "page.admin": {
    target: page("/admin", "admin"),
    attempt: "open the admin area",
    cells: holders("articles.publish"),
    effect: "the article list, with the drafts",
    refusal: "sign-in signed out, 403 signed in; nothing of the page",
  },
  "page.admin-articles": {
    target: page("/admin/artikel", "admin/artikel"),
    attempt: "open the newsroom's article list",
    cells: holders("articles.publish"),
    effect: "the list, with the drafts",
    refusal: "sign-in signed out, 403 signed in; nothing of the page",
  },
  "page.admin-article-new": {
    target: page("/admin/artikel/neu", "admin/artikel/neu"),
    attempt: "open the editor for a new article",
    cells: holders("articles.publish"),
    effect: "the editor",
    refusal: "sign-in signed out, 403 signed in; nothing of the page",
  },
  "page.admin-article-edit": {
    target: page("/admin/artikel/<id>", "admin/artikel/[id]"),
    attempt: "open a draft in the editor",
    cells: holders("articles.publish"),
    effect: "the draft's text",
    refusal: "sign-in signed out, 403 signed in; nothing of the draft",
  },
  "page.admin-article-preview": {
    target: page("/admin/artikel/<id>/vorschau", "admin/artikel/[id]/vorschau"),
    attempt: "preview a draft",
    cells: holders("articles.publish"),
    effect: "the draft's text",
    refusal: "sign-in signed out, 403 signed in; nothing of the draft",
  },
  "page.admin-users": {
    target: page("/admin/benutzer", "admin/benutzer"),
    attempt: "search the accounts",
    cells: holders("users.manage"),
    effect: "accounts with their addresses",
    refusal: "sign-in signed out, 403 signed in; no address",
  },
  "page.admin-settings": {
    target: page("/admin/einstellungen", "admin/einstellungen"),
    attempt: "open the site settings",
    cells: holders("settings.manage"),
    effect: "the settings form",
    refusal: "sign-in signed out, 403 signed in; nothing of the page",
  },
  "page.admin-import": {
    target: page("/admin/import", "admin/import"),
    attempt: "open the WordPress import",
    cells: holders("content.import"),
    effect: "the upload form",
    refusal: "sign-in signed out, 403 signed in; nothing of the page",
  },
  "page.admin-sections": {
    target: page("/admin/rubriken", "admin/rubriken"),
    attempt: "open the sections",
    cells: holders("sections.manage"),
    effect: "the sections form",
    refusal: "sign-in signed out, 403 signed in; nothing of the page",
  },
  "page.moderation": {
    target: page("/moderation", "moderation"),
    attempt: "open the moderation area",
    cells: holders("comments.moderate"),
    effect: "the pending queue, with the held comment",
    refusal: "sign-in signed out, 403 signed in; nothing of the queue",
  },
  "page.moderation-queue": {
    target: page("/moderation/ausstehend", "moderation/[queue]"),
    attempt: "open the pending queue",
    cells: holders("comments.moderate"),
    effect: "the held comment",
    refusal: "sign-in signed out, 403 signed in; nothing of the queue",
  },
  "page.moderation-people": {
    target: page("/moderation/personen", "moderation/personen"),
    attempt: "look a person up among the people",
    cells: holders("people.restrict"),
    effect: "the person with their address and record",
    refusal: "sign-in signed out, 403 signed in; no address",
  },
  "page.moderation-log": {
    target: page("/moderation/protokoll", "moderation/protokoll"),
    attempt: "read the audit log",
    cells: holders("moderation.log"),
    effect: "the latest entries",
    refusal: "sign-in signed out, 403 signed in; no entry",
  },
  "page.account": {
    target: page("/konto", "(account)/konto"),
    attempt: "open the reader's account page",
    cells: { anonymous: R, reader: A, otherReader: R, editor: R, admin: R },
    effect: "the reader's address",
    refusal: "sign-in signed out; signed in, the caller's own account",
  },
  "page.notices": {
    target: page("/konto/mitteilungen", "(account)/konto/mitteilungen"),
    attempt: "read the reader's statements of reasons",
    cells: { anonymous: R, reader: A, otherReader: R, editor: R, admin: R },
    effect: "the reader's notice",
    refusal: "sign-in signed out; signed in, the caller's own notices",
  },
} as const satisfies Record<string, MatrixRow>;

export type RowId = keyof typeof AUTHZ_MATRIX;

/** Route handlers and pages under /konto anyone may call, and why: the matrix need not list them. */
export const PUBLIC_FILES: Record<string, string> = {
  "app/(site)/feed.xml/route.ts": "feed of public articles",
  "app/(site)/atom.xml/route.ts": "feed of public articles",
  "app/(site)/rubrik/[slug]/feed.xml/route.ts": "feed of a section's public articles",
  "app/medien/[name]/route.ts": "published images, by content hash",
  "app/api/health/route.ts": "whether the instance reaches its database, for load balancers",
  "app/(account)/konto/bestaetigung/page.tsx": "says how following a mailed link went, nothing more",
};
