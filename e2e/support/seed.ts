/** What the seed puts on a first start (prisma/seed), as a reader sees it. */
export const SEED_ARTICLE = {
  title: "USA verweigern militärische Unterstützung für Europas “Sicherungstruppe” in der Ukraine – Ein klares Nein zu Luftangriffen!",
  path: "/artikel/usa-verweigern-militaerische-unterstuetzung-fuer-europas-sicherungstruppe-in-der-ukraine-ein-klares-nein-zu-luftangriffen",
  sentence:
    "Er bezeichnete sie als militärische Trittbrettfahrer, die sich soziale Standards leisten, während die USA die Hauptlast der Verteidigung tragen.",
};
