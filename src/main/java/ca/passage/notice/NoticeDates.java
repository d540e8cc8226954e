package ca.passage.notice;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record NoticeDates(OffsetDateTime created, LocalDate reviewBy, LocalDate expires) {
}
