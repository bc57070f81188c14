package autosdk.model;

import autosdk.diag.Location;
import java.util.List;

/**
 * An object schema. {@code additionalValues} types extra properties when the schema declares
 * {@code additionalProperties} with a schema; unknown properties are kept in any case.
 */
public record ObjectType(String id, List<String> nameHint, Doc doc, Location location,
                         List<Property> properties, TypeRef additionalValues) implements NamedType {
    public ObjectType {
        properties = List.copyOf(properties);
        nameHint = List.copyOf(nameHint);
    }
}
