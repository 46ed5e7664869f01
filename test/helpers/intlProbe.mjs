// Preloaded into a server under test (NODE_OPTIONS=--import=…): every Intl
// object made prints "INTL <constructor>" on stderr, so a test can tell when
// the server first pages in ICU data (SPEC X18).
const report = (name) => process.stderr.write(`INTL ${name}\n`)
for (const name of ['Collator', 'DateTimeFormat', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter', 'DisplayNames']) {
  const original = Intl[name]
  if (typeof original !== 'function') continue
  Intl[name] = new Proxy(original, {
    construct(target, args, newTarget) {
      report(name)
      return Reflect.construct(target, args, newTarget)
    },
    apply(target, self, args) {
      report(name)
      return Reflect.apply(target, self, args)
    },
  })
}
