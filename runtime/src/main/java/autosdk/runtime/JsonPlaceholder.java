package autosdk.runtime; public final class JsonPlaceholder {}
