package ca.passage.notice;

public record PhysicalDescription(Integer heightCm, Integer weightKg, String eyeColour, String hairColour,
                                  String distinguishingMarks) {
}
