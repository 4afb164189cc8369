"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface Tab {
  href: string;
  label: React.ReactNode;
}

/** A row of tabs for an area's pages; the current page's tab is marked for sight and for screen readers. */
export function TabNav({ label, tabs }: { label: string; tabs: Tab[] }) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="mt-4 overflow-x-auto border-b border-rule">
      <ul className="flex gap-1">
        {tabs.map(({ href, label: text }) => {
          const current = path === href || path.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-t border-b-2 px-3 py-2 text-sm font-semibold whitespace-nowrap ${current ? "border-accent text-accent" : "border-transparent hover:border-stone-400"}`}
              >
                {text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
