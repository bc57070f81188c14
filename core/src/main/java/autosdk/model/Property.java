package autosdk.model;

/** One property of an object type. */
public record Property(String jsonName, TypeRef type, boolean required, boolean nullable, Doc doc, String constValue) {}
