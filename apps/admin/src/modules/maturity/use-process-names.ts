import { useI18n } from 'vue-i18n';

/** A process's name in the user's language; the catalogue's English name for one not translated yet. */
export function useProcessNames() {
  const { t, te } = useI18n();
  return (process: { id: string; name: string }) => {
    const key = `maturity.processes.${process.id}`;
    return te(key) ? t(key) : process.name;
  };
}
