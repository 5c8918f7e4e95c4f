package cli

// groupAnnotation is the flag annotation that names a flag's group in a command's help.
const groupAnnotation = "winback_group"
