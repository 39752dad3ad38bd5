/**
 * A button that can be unavailable without losing the keyboard focus: `aria-disabled` instead of
 * `disabled`, so a button that turns itself off when pressed ("Crash the gateway" → "Gateway is
 * down", "Do it for me" → "Doing it…") keeps the focus where the learner left it. A disabled
 * button drops the focus to <body>, and a keyboard or screen-reader user loses their place.
 */
import type { ButtonHTMLAttributes } from 'react';

export function StayButton({
  unavailable,
  onClick,
  type = 'button',
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> & {
  unavailable: boolean;
}): React.JSX.Element {
  return (
    <button
      {...rest}
      type={type}
      aria-disabled={unavailable || undefined}
      onClick={(e) => {
        // An unavailable submit button must not submit its form either.
        if (unavailable) e.preventDefault();
        else onClick?.(e);
      }}
    />
  );
}
