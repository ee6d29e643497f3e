package dev.zerobus.console.workspace;

/** Where a workspace runs. LOCAL is a loopback endpoint such as the sandbox. */
public enum Cloud {
    AWS, AZURE, LOCAL
}
