package autosdk.model;

import autosdk.diag.Location;
import java.util.List;

/** An open enum: known values, and any other value kept as it came. */
public record EnumType(
        String id, List<String> nameHint, Doc doc, Location location, boolean integer, List<String> values)
        implements NamedType {
    public EnumType {
        values = List.copyOf(values);
        nameHint = List.copyOf(nameHint);
    }
}
