package rewardsclient

// Version is the rewards-core release this client belongs to: the server's version, kept equal
// by scripts/versions.py. The module itself is versioned by its git tag, clients/go/vX.Y.Z.
const Version = "0.1.0"
