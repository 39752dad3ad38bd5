import { useEffect, useState } from 'react';
import { useMediaQuery } from './useMediaQuery';

export type Theme = 'light' | 'dark';

/** Light or dark: follows the system until the learner picks one with the toggle. */
export function useTheme(): { theme: Theme; toggle: () => void } {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const [chosen, setChosen] = useState<Theme | undefined>(undefined);
  const theme: Theme = chosen ?? (systemDark ? 'dark' : 'light');
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return { theme, toggle: () => setChosen(theme === 'dark' ? 'light' : 'dark') };
}
