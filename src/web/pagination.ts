// Paging for long lists, shared by every list page.

/** GOV.UK pagination: first, last, and the pages around this one, with gaps between. */
export function paginationItems(page: number, lastPage: number, href: (page: number) => string) {
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = []
  for (let n = 1; n <= lastPage; n++) {
    if (n === 1 || n === lastPage || Math.abs(n - page) <= 1)
      items.push({ number: n, href: href(n), current: n === page })
    else if (!('ellipsis' in (items.at(-1) ?? {}))) items.push({ ellipsis: true })
  }
  return items
}
