// polylabel 2.x ships no types: the one function this package calls (pole of inaccessibility of a polygon's rings).
declare module 'polylabel' {
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}
