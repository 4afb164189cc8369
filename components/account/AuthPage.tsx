/** The frame of the sign-in, sign-up and password pages: a narrow column with a heading. */
export function AuthPage({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: string;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-md py-6">
      <h1 className="text-3xl font-bold">{title}</h1>
      {intro && <p className="mt-2 font-sans text-muted">{intro}</p>}
      <div className="mt-6 rounded border border-rule bg-white p-6 shadow-sm">{children}</div>
      {footer && <div className="mt-4 font-sans text-sm">{footer}</div>}
    </div>
  );
}
