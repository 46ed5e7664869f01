/**
 * Deep equality of two JSON values, whatever the order of their keys (a
 * record written by tldraw and one written by the server list props in
 * different orders). Iterative, so deep input cannot overflow the stack.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]]
  while (stack.length > 0) {
    const [x, y] = stack.pop()!
    if (x === y) continue
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false
    if (Array.isArray(x) !== Array.isArray(y)) return false
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false
      for (let i = 0; i < x.length; i++) stack.push([x[i], y[i]])
      continue
    }
    const xo = x as Record<string, unknown>
    const yo = y as Record<string, unknown>
    const keys = Object.keys(xo)
    if (keys.length !== Object.keys(yo).length) return false
    for (const key of keys) {
      if (!Object.hasOwn(yo, key)) return false
      stack.push([xo[key], yo[key]])
    }
  }
  return true
}

/** Keys whose values differ between two objects (either side may lack the key). */
export function changedKeys(a: unknown, b: unknown): string[] {
  const ao = (a && typeof a === 'object' ? a : {}) as Record<string, unknown>
  const bo = (b && typeof b === 'object' ? b : {}) as Record<string, unknown>
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)])
  return [...keys].filter((key) => Object.hasOwn(ao, key) !== Object.hasOwn(bo, key) || !jsonEqual(ao[key], bo[key]))
}

/** Whether a JSON value nests at most `maxDepth` levels of objects and arrays. Iterative. */
export function jsonDepthWithin(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (depth >= maxDepth) return false
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1])
  }
  return true
}
