/** English words of the one clock (times on the centre's wall clock); ro and bg mirror its keys. */
export const clock = {
  /** In the app bar, only when the workstation's own zone differs from the centre's. */
  shownIn: 'Times are shown on the centre’s clock ({{zone}}).',
};
