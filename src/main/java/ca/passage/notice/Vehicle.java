package ca.passage.notice;

public record Vehicle(String make, String model, String colour, String registration, String registrationCountry) {
}
