namespace Friender.Application.Common.Validation;

/// <summary>A string property where line breaks and tabs belong to the text: a bio, a message, a report.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineTextAttribute : Attribute;
