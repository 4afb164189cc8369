/** A list page's table: the count of results announced above it, column headings, the rows as children. */
export function ListTable({
  summary,
  columns,
  children,
}: {
  summary: string;
  columns: { label: string; align?: "right" }[];
  children: React.ReactNode;
}) {
  return (
    <>
      <p className="mt-4 text-sm text-muted" role="status">
        {summary}
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              {columns.map((column, index) => (
                <th
                  key={column.label}
                  scope="col"
                  className={`py-2 ${index < columns.length - 1 ? "pr-4" : ""} ${column.align === "right" ? "text-right" : ""}`}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </>
  );
}
