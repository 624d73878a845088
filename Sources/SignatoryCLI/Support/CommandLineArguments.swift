/// The command line as ArgumentParser should read it.
enum CommandLineArguments {
    /// Joins `--option -5` into `--option=-5`, so a negative number reaches the option's own
    /// check ("--max-skew takes a number of seconds…") instead of reading as a missing value.
    static func normalised(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" {
                result += arguments[index...]
                break
            }
            let next = index + 1
            if argument.hasPrefix("--"), !argument.contains("="), next < arguments.endIndex,
                Self.isNegativeNumber(arguments[next])
            {
                result.append(argument + "=" + arguments[next])
                index += 2
                continue
            }
            result.append(argument)
            index += 1
        }
        return result
    }

    private static func isNegativeNumber(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.first == "-" && !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }
}
