/**
 * Runs the test files of a mutate config in the order of its `include` list,
 * cheapest first. Stryker stops a mutant's run at its first failing test, so
 * most mutants are killed before the slow files load. (Vitest's own order
 * runs the largest and slowest files first.)
 */
import path from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

export function includeOrder(include: readonly string[]): typeof BaseSequencer {
  const rank = (spec: TestSpecification): number => {
    const index = include.findIndex((file) => path.resolve(spec.project.config.root, file) === spec.moduleId)
    return index === -1 ? include.length : index
  }
  return class IncludeOrder extends BaseSequencer {
    override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b)))
    }
  }
}
