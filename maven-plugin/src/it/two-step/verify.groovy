// Runs after both builds of this project; build.log holds the output of both, in order.
def log = new File(basedir, 'build.log').text
def generated = log.findAll(/autosdk: generated \d+ files/)
def upToDate = log.findAll(/autosdk: \S+ is up to date, skipping generation/)
assert generated.size() == 2 : "first build should generate twice (REST, realtime), saw ${generated.size()}"
assert upToDate.size() == 2 : "second build should report both executions up to date, saw ${upToDate.size()}"
assert log.indexOf('is up to date') > log.lastIndexOf('autosdk: generated') : 'up-to-date lines belong to the second build'
assert log.contains('openapi.yaml is up to date, skipping generation')
assert log.contains('asyncapi.yaml is up to date, skipping generation')
assert log.findAll(/Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/).size() >= 2 : 'TwoStepTest ran in both builds'

def out = new File(basedir, 'target/generated-sources/autosdk/MyCompany/MyApi')
assert new File(out, 'SourceGenerationContext.java').isFile()
assert new File(out, 'Realtime/ChatRealtimeClient.java').isFile()
assert !new File(out, 'Realtime/ChatMessage.java').exists() : 'step 2 (generateModels false) writes no models'
assert new File(basedir, 'target/autosdk-state/rest.sha256').isFile()
assert new File(basedir, 'target/autosdk-state/realtime.sha256').isFile()
true
