package autosdk.model;

import autosdk.diag.Location;
import java.util.List;

/**
 * An object schema. {@code additionalValues} types extra properties when the schema declares
 * {@code additionalProperties} with a schema; unknown properties are kept in any case. {@code closed} records
 * {@code additionalProperties: false}: decoding stays lenient, but matching a frame by shape rules the type out when
 * the frame has a property the schema does not declare.
 */
public record ObjectType(
        String id,
        List<String> nameHint,
        Doc doc,
        Location location,
        List<Property> properties,
        TypeRef additionalValues,
        boolean closed)
        implements NamedType {
    public ObjectType {
        properties = List.copyOf(properties);
        nameHint = List.copyOf(nameHint);
    }
}
