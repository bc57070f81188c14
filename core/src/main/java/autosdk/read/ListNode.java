package autosdk.read;

import autosdk.diag.Location;
import java.util.List;

/** A JSON array or YAML sequence. */
public record ListNode(Location location, List<SpecNode> items) implements SpecNode {
    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
