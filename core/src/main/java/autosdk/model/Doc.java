package autosdk.model;

/** Documentation carried from the spec into the generated code; text is raw and escaped by the emitter. */
public record Doc(String title, String description, boolean deprecated, String defaultValue, String example) {
    public static final Doc NONE = new Doc(null, null, false, null, null);

    public boolean isEmpty() {
        return title == null && description == null && !deprecated && defaultValue == null && example == null;
    }
}
