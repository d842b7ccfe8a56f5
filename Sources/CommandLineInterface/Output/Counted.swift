/// A count with its noun in the right number: "1 file", "3 files", "0 documents".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)" + (count == 1 ? "" : "s")
}
