using Friender.Application.Matching.Common;
using Friender.GraphQL.Common;

namespace Friender.GraphQL.Matching;

internal sealed class MatchConnectionGraphType : ConnectionGraphType<MatchDto, MatchGraphType, MatchEdgeGraphType>;
