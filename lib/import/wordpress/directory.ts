import { slugify } from "@/lib/articles/slug";
import type { Db } from "@/lib/db/client";

import { htmlToPlainText } from "./content";
import type { WxrAuthor, WxrExport, WxrTerm } from "./parse";
import type { ImportReport } from "./report";

/** WordPress percent-encodes non-ASCII slugs; a malformed one is used as it stands. */
function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** Agora's slug for a WordPress slug (or, without one, the name): ASCII, "ü" as "ue" like slugify writes it. */
export function agoraSlug(wordpressSlug: string, name: string): string {
  const decoded = decodeSlug(wordpressSlug).trim();
  return slugify(decoded || htmlToPlainText(name));
}

/** Authors, sections and tags resolved once per import and remembered by their WordPress key. */
export class Directory {
  private readonly authors = new Map<string, string>();
  private readonly sections = new Map<string, string>();
  private readonly tags = new Map<string, string>();
  private readonly users = new Map<string, string | null>();

  constructor(
    private readonly db: Db,
    private readonly wxr: WxrExport,
    private readonly report: ImportReport,
  ) {}

  /** The account with this e-mail address, compared without regard to case. */
  async findUser(email: string): Promise<string | null> {
    const key = email.trim().toLowerCase();
    if (!this.users.has(key)) {
      const user = await this.db.user.findFirst({ where: { email: { equals: key, mode: "insensitive" } }, select: { id: true } });
      this.users.set(key, user?.id ?? null);
    }
    return this.users.get(key) ?? null;
  }

  /**
   * The byline for a WordPress login: the existing account with the author's e-mail (left as it
   * is), else a new EDITOR account without a password, which cannot sign in until reset.
   */
  async author(login: string): Promise<string> {
    const known = this.authors.get(login);
    if (known) return known;
    const author: WxrAuthor = this.wxr.authors.find((candidate) => candidate.login === login) ?? { login, email: null, displayName: login };
    const localPart =
      login
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, "-")
        .replace(/^[-.]+|[-.]+$/g, "") || "wordpress";
    const email = (author.email ?? `${localPart}@import.invalid`).trim().toLowerCase();
    let id = await this.findUser(email);
    if (id) {
      this.report.authors.matched++;
    } else {
      const name = htmlToPlainText(author.displayName) || login;
      id = (await this.db.user.create({ data: { email, name, role: "EDITOR" }, select: { id: true } })).id;
      this.users.set(email, id);
      this.report.authors.created++;
    }
    this.authors.set(login, id);
    return id;
  }

  async section(term: WxrTerm): Promise<string> {
    const slug = agoraSlug(term.slug, term.name);
    const known = this.sections.get(slug);
    if (known) return known;
    let section = await this.db.section.findUnique({ where: { slug }, select: { id: true } });
    if (section) {
      this.report.sections.matched++;
    } else {
      const last = await this.db.section.aggregate({ _max: { position: true } });
      const name = this.termName(this.wxr.categories, term) || slug;
      section = await this.db.section.create({ data: { slug, name, position: (last._max.position ?? 0) + 1 }, select: { id: true } });
      this.report.sections.created++;
    }
    this.sections.set(slug, section.id);
    return section.id;
  }

  async tag(term: WxrTerm): Promise<string> {
    const slug = agoraSlug(term.slug, term.name);
    const known = this.tags.get(slug);
    if (known) return known;
    let tag = await this.db.tag.findUnique({ where: { slug }, select: { id: true } });
    if (tag) {
      this.report.tags.matched++;
    } else {
      const name = this.termName(this.wxr.tags, term) || slug;
      tag = await this.db.tag.create({ data: { slug, name }, select: { id: true } });
      this.report.tags.created++;
    }
    this.tags.set(slug, tag.id);
    return tag.id;
  }

  /** The term's name from the export's term list, else as the post names it; WordPress stores names HTML-escaped. */
  private termName(terms: WxrTerm[], term: WxrTerm): string {
    const listed = terms.find((candidate) => candidate.slug === term.slug);
    return htmlToPlainText(listed?.name || term.name);
  }
}
