import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element, kept up to date. Charts draw at their real pixel width (rather than
 * stretching a fixed viewBox) so text and strokes keep their size from 1280 px down to a tablet.
 */
export function useWidth<T extends Element>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => setWidth(Math.max(1, Math.floor(element.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
