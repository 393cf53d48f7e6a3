import type { ReactNode } from 'react';

/**
 * Text someone typed (a name, a title, a file name), isolated from what
 * surrounds it: its direction (Arabic, Hebrew, or a direction control kept
 * from before the host stripped them) cannot reorder the label or punctuation
 * next to it.
 */
export function UserText({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}

/** A person's name, each part isolated: a control in one part cannot turn the other around. */
export function PersonName({ person }: { person: { firstName: string; lastName: string } }) {
  return (
    <>
      <bdi>{person.firstName}</bdi> <bdi>{person.lastName}</bdi>
    </>
  );
}
