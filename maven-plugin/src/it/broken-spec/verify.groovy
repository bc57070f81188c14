// The build failed (invoker.buildResult); it must say where, for every problem, and write nothing.
def log = new File(basedir, 'build.log').text
def located = log.findAll(/(?m)^\[ERROR\] \S*broken\.yaml:\d+:\d+: error: .*$/)
assert located.any { it.contains("broken.yaml:15:23: error: \$ref '#/components/schemas/Thing' does not resolve") } : located
assert located.any { it.contains("'#/components/schemas/Gadget' does not resolve") } : located
assert log.contains('autosdk: 2 error(s) in src/main/openapi/broken.yaml; nothing was written')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources/autosdk/com/example/broken').exists()
assert !new File(basedir, 'target/autosdk-state/broken.sha256').exists()
true
