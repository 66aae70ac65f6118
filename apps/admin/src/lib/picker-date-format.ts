/** PrimeVue's date format for a locale's numeric dates: "dd/mm/yy" (es), "mm/dd/yy" (en-US), "dd.mm.yy" (ru). */
export function pickerDateFormat(locale: string): string {
  const tokens: Record<string, string> = { day: 'dd', month: 'mm', year: 'yy' };
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(new Date(Date.UTC(2026, 10, 27)))
    .map(
      (part) =>
        tokens[part.type] ?? (part.type === 'literal' ? part.value.replace(/[a-z']/gi, '') : ''),
    )
    .join('');
}
