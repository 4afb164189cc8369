/** The classes of a control in a list's filter bar (select or search box). */
export const FILTER_CONTROL = "mt-1 rounded border border-stone-400 bg-white px-2 py-1.5";

/** One labelled control of a list's filter bar; the control itself is the child, with `id`. */
export function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A filter that picks one of a list, or all of them ("" means all). */
export function FilterSelect({
  id,
  name,
  label,
  value,
  allLabel,
  options,
  className = "",
}: {
  className?: string;
  id: string;
  name: string;
  label: string;
  value: string;
  allLabel: string;
  options: { value: string; label: string }[];
}) {
  return (
    <FilterField id={id} label={label}>
      <select id={id} name={name} defaultValue={value} className={`${FILTER_CONTROL} ${className}`}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
