package autosdk.model;

import autosdk.diag.Location;
import java.util.List;

/**
 * A {@code oneOf}/{@code anyOf}. When {@code discriminator} is set, each object variant lists the
 * values of that property that select it; otherwise variants are told apart by shape.
 */
public record UnionType(
        String id, List<String> nameHint, Doc doc, Location location, List<Variant> variants, String discriminator)
        implements NamedType {
    public UnionType {
        variants = List.copyOf(variants);
        nameHint = List.copyOf(nameHint);
    }

    /** One member of a union; {@code requiredProperties} and {@code knownProperties} drive matching by shape. */
    public record Variant(
            TypeRef type,
            List<String> discriminatorValues,
            List<String> requiredProperties,
            List<String> knownProperties) {
        public Variant {
            discriminatorValues = List.copyOf(discriminatorValues);
            requiredProperties = List.copyOf(requiredProperties);
            knownProperties = List.copyOf(knownProperties);
        }
    }
}
