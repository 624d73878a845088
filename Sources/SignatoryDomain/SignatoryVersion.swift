/// The release of Signatory this code is, as `signatory --version` prints it.
public enum SignatoryVersion {
    public static let current = "0.16.0"
}
