/**
 * portal moves an element to the end of <body> while it is shown. A row's player dialog needs it:
 * its rows paint-contain (content-visibility) or move by transform (the virtual lists), and
 * either makes a position: fixed child fixed to the row and clipped by it.
 */
export function portal(node: HTMLElement) {
  document.body.appendChild(node);
  return { destroy: () => node.remove() };
}
