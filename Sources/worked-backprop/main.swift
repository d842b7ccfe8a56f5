import CommandLineInterface

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(CLI.runAsProcess(Array(CommandLine.arguments.dropFirst())))
