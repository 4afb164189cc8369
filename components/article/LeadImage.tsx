/** The lead image with its caption; plain <img>, since uploads are already sized for the web by the newsroom. */
export function LeadImage({ src, alt, caption }: { src: string; alt: string; caption?: string | null }) {
  return (
    <figure className="mt-6">
      {/* eslint-disable-next-line @next/next/no-img-element -- uploads are served as they are, with long-lived caching */}
      <img src={src} alt={alt} className="w-full rounded-sm bg-rule/30" />
      {caption && <figcaption className="mt-2 font-sans text-sm text-muted">{caption}</figcaption>}
    </figure>
  );
}
