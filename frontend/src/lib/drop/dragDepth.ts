/**
 * dragDepth tells when a drag is over an element. dragenter and dragleave fire for every child the
 * pointer crosses, so a count of enters not yet left says whether the drag is still inside:
 * onchange(true) on the first enter, onchange(false) when the count falls back to zero or the drag
 * ends (a drop, or pointer events again). (WebKitGTK repeats no dragover while the pointer rests,
 * so no timer can stand in for this.)
 */
export function dragDepth(onchange: (over: boolean) => void) {
  let depth = 0;
  return {
    enter() {
      if (depth++ === 0) onchange(true);
    },
    leave() {
      if (depth > 0 && --depth === 0) onchange(false);
    },
    end() {
      if (depth === 0) return;
      depth = 0;
      onchange(false);
    },
  };
}
