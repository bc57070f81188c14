package autosdk.ws;

import autosdk.build.ModelBuilder;
import autosdk.diag.Diagnostics;
import autosdk.model.*;
import autosdk.read.SpecReader;
import autosdk.testing.Corpus;
import org.junit.jupiter.api.Test;

class ScratchModelDump {
    @Test
    void dump() throws Exception {
        for (String f : System.getProperty("specs", "tryAGI-OpenAI/asyncapi.json").split(",")) {
            Diagnostics d = new Diagnostics();
            var spec = SpecReader.read(Corpus.file(f), d).get();
            ApiModel m = ModelBuilder.build(spec, !Boolean.getBoolean("server"), d);
            System.out.println("===== " + f + " title=" + m.title());
            m.servers().forEach(s -> System.out.println("server " + s));
            m.securitySchemes().forEach(s -> System.out.println("sec " + s));
            for (Channel c : m.channels()) {
                System.out.println("channel " + c.id() + " addr=" + c.address() + " servers=" + c.serverNames() + " sec=" + c.security());
                c.parameters().forEach(p -> System.out.println("  param " + p));
                c.sends().forEach(x -> System.out.println("  SEND " + x.name() + " " + x.payload() + " bin=" + x.binary()));
                c.receives().forEach(x -> System.out.println("  RECV " + x.name() + " " + x.payload() + " bin=" + x.binary() + " " + x.discriminatorProperty() + "=" + x.discriminatorValue()));
            }
            d.all().forEach(x -> System.out.println("diag " + x));
        }
    }
}
