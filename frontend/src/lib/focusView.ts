/**
 * focusView moves the keyboard focus to the shown view's heading (made focusable by script only,
 * so it is no Tab stop of its own): after a view shortcut such as Ctrl+6 the next Tab then lands
 * inside the view instead of on whatever had the focus before, often a sidebar button.
 */
export function focusView(root: ParentNode = document): boolean {
  const heading = root.querySelector<HTMLElement>('main h1');
  if (!heading) return false;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  return heading.ownerDocument.activeElement === heading;
}
