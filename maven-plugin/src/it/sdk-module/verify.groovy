// The generated module built into a jar and was installed (into the invoker's isolated repository).
def sdk = new File(basedir, 'target/chat-sdk')
def pom = new File(sdk, 'pom.xml').text
assert pom.contains('<artifactId>jackson-core</artifactId>')
assert pom.contains('<maven.compiler.release>17</maven.compiler.release>')
assert new File(sdk, 'src/main/java/MyCompany/MyApi/SourceGenerationContext.java').isFile()
assert new File(sdk, 'src/main/java/MyCompany/MyApi/Realtime/ChatRealtimeClient.java').isFile()
def jar = new File(sdk, 'target/chat-sdk-1.0.0.jar')
assert jar.isFile() : "mvn install in the SDK module made no jar"
def entries = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
assert entries.contains('MyCompany/MyApi/ChatMessage.class')
assert entries.contains('MyCompany/MyApi/Realtime/ChatRealtimeClient.class')
assert !entries.contains('MyCompany/MyApi/Realtime/ChatMessage.class') : 'step 2 uses step 1 models'
def log = new File(basedir, 'build.log').text
assert log.contains('Maven module dev.autosdk.it:chat-sdk:1.0.0')
assert log.contains('BUILD SUCCESS')
true
