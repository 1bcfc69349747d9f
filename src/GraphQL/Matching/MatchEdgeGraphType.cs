using Friender.Application.Matching.Common;
using Friender.GraphQL.Common;

namespace Friender.GraphQL.Matching;

internal sealed class MatchEdgeGraphType : EdgeGraphType<MatchDto, MatchGraphType>;
