package autosdk.model;

import autosdk.diag.Location;
import java.util.List;

/** A type that becomes a class of its own: an object, an enum or a union. */
public sealed interface NamedType permits ObjectType, EnumType, UnionType {

    /** Stable identity: where the schema sits (file#pointer). */
    String id();

    /** Name parts from where the schema sits, most specific last (e.g. ["Pet", "status"]). */
    List<String> nameHint();

    Doc doc();

    Location location();
}
