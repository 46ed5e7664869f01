#!/usr/bin/env node
/**
 * `npm run mutate`: runs Stryker once per group of stryker.config.mjs (rules,
 * then core) and prints the mutation score per file of every group at the
 * end. `npm run mutate -- core` runs one group.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { GROUPS } from '../stryker.config.mjs'

const wanted = process.argv.slice(2)
const groups = wanted.length > 0 ? wanted : Object.keys(GROUPS)
const started = Date.now()
const minutes = {}
for (const group of groups) {
  if (!(group in GROUPS)) throw new Error(`unknown group ${group}; one of ${Object.keys(GROUPS).join(', ')}`)
  console.log(`\n== mutation testing: ${group} ==`)
  const groupStarted = Date.now()
  const run = spawnSync('npx', ['stryker', 'run'], { stdio: 'inherit', env: { ...process.env, MUTATE_GROUP: group } })
  if (run.status !== 0) process.exit(run.status ?? 1)
  minutes[group] = ((Date.now() - groupStarted) / 60_000).toFixed(1)
}

/** Killed + timeout over all but ignored and no-coverage-free: Stryker's "mutation score". */
const rows = []
for (const group of groups) {
  const report = JSON.parse(fs.readFileSync(`reports/mutation/${group}/mutation.json`, 'utf8'))
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const count = (status) => mutants.filter((m) => m.status === status).length
    const detected = count('Killed') + count('Timeout')
    const valid = detected + count('Survived') + count('NoCoverage')
    rows.push({ group, file, score: valid ? ((100 * detected) / valid).toFixed(1) : '-', killed: detected, survived: count('Survived'), noCoverage: count('NoCoverage') })
  }
}
const took = Object.entries(minutes).map(([g, m]) => `${g} ${m} min`).join(', ')
console.log(`\n== mutation score per file (${((Date.now() - started) / 60_000).toFixed(1)} min: ${took}) ==`)
console.table(rows)
const total = rows.reduce((t, r) => ({ k: t.k + r.killed, v: t.v + r.killed + r.survived + r.noCoverage }), { k: 0, v: 0 })
console.log(`total: ${((100 * total.k) / total.v).toFixed(1)}% (${total.k} of ${total.v} mutants detected)`)
